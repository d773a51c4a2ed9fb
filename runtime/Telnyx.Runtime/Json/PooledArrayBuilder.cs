using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Collects items of unknown count into arrays rented from <see cref="ArrayPool{T}.Shared"/>, then copies them once
/// into an exact-size array. A <see cref="System.Collections.Generic.List{T}"/> would leave behind every array it
/// outgrew plus its own object; a 250-item page would allocate about twice the final array.
/// </summary>
internal struct PooledArrayBuilder<T>
{
    private T[]? _rented;
    private int _count;

    public void Add(T item)
    {
        if (_rented is null || _count == _rented.Length)
        {
            Grow();
        }
        _rented![_count++] = item;
    }

    public readonly T[] ToArray() => _count == 0 ? Array.Empty<T>() : _rented.AsSpan(0, _count).ToArray();

    /// <summary>Returns the rented array, cleared when it holds references so the pool keeps nothing alive.</summary>
    public void Dispose()
    {
        if (_rented is null)
        {
            return;
        }
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _rented.AsSpan(0, _count).Clear();
        }
        ArrayPool<T>.Shared.Return(_rented);
        _rented = null;
        _count = 0;
    }

    private void Grow()
    {
        var larger = ArrayPool<T>.Shared.Rent(_rented is null ? 16 : checked(_rented.Length * 2));
        if (_rented is not null)
        {
            _rented.AsSpan(0, _count).CopyTo(larger);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                _rented.AsSpan(0, _count).Clear();
            }
            ArrayPool<T>.Shared.Return(_rented);
        }
        _rented = larger;
    }
}
