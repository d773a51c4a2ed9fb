using System;
using System.Collections.Generic;

namespace Telnyx.Generator.Naming;

/// <summary>
/// An ordinal string set for the many small sets the model builder makes (a type's member names, an object's
/// required names): a linear scan over one small array until it outgrows it, then a hash set. Building the official
/// document creates thousands of them, and growing a <see cref="HashSet{T}"/> from empty was a large share of its
/// allocations.
/// </summary>
internal sealed class SmallStringSet
{
    private const int SmallCapacity = 16;

    private string[]? _small;
    private int _count;
    private HashSet<string>? _large;

    public bool Contains(string item)
    {
        if (_large is not null) return _large.Contains(item);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_small![i], item, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Adds <paramref name="item"/>; false when it was already present.</summary>
    public bool Add(string item)
    {
        if (_large is not null) return _large.Add(item);
        if (Contains(item)) return false;
        if (_count < SmallCapacity)
        {
            (_small ??= new string[SmallCapacity])[_count++] = item;
            return true;
        }
        _large = new HashSet<string>(_small!, StringComparer.Ordinal) { item };
        _small = null;
        return true;
    }
}
