using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// The wire names of one generated model, built once per model, mapping the property name a
/// <see cref="Utf8JsonReader"/> is on to the property's position. Plumbing for generated code: each model keeps one
/// instance in a static field and its <c>ReadJson</c> switches on <see cref="IndexOf(ref Utf8JsonReader)"/>.
/// </summary>
/// <remarks>
/// Names are indexed by UTF-8 length (an array as long as the longest name, most lengths holding at most one name,
/// further ones chained); each name is stored as two 64-bit keys that are all of its bytes when it is at most 16 bytes
/// long (most API names). A lookup is one bounds check, a few integer compares and, only for longer names, a compare
/// of the middle bytes: measured as fast as the per-model <c>switch</c> on length it replaces. Immutable, thread-safe.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    /// <summary>Escaped names (or names split across segments) up to this many raw bytes are unescaped on the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>
    /// One name: its keys, its position in the constructor's list, its bytes (compared only past 16 bytes) and the
    /// next name of the same length in <see cref="_more"/> (-1 for none). An unused length has position -1 and no bytes.
    /// </summary>
    private readonly struct Slot
    {
        public Slot(ulong head, ulong tail, byte[]? utf8, int index, int next)
        {
            Head = head;
            Tail = tail;
            Utf8 = utf8;
            Index = index;
            Next = next;
        }

        public ulong Head { get; }
        public ulong Tail { get; }
        public byte[]? Utf8 { get; }
        public int Index { get; }
        public int Next { get; }
    }

    /// <summary>By UTF-8 length: the first name of that length (most lengths have one), up to the longest name.</summary>
    private readonly Slot[] _byLength;

    /// <summary>The second and later names of a length, chained from <see cref="_byLength"/>.</summary>
    private readonly Slot[] _more;

    /// <summary>Creates the table; <see cref="IndexOf(ref Utf8JsonReader)"/> returns positions in this list.</summary>
    /// <param name="names">The wire names in property order. When a name repeats, the first position wins.</param>
    public JsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var utf8 = new byte[names.Length][];
        var longest = -1;
        for (var i = 0; i < names.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(names[i], nameof(names));
            utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            longest = Math.Max(longest, utf8[i].Length);
        }

        // Built back to front, so each chain lists its names in position order and a repeated name finds the first.
        var byLength = new Slot[longest + 1];
        for (var n = 0; n < byLength.Length; n++) byLength[n] = new Slot(0, 0, null, -1, -1);
        var more = new Slot[names.Length];
        var used = 0;
        for (var i = names.Length - 1; i >= 0; i--)
        {
            var bytes = utf8[i];
            ref var first = ref byLength[bytes.Length];
            var next = -1;
            if (first.Index >= 0)
            {
                more[used] = first;
                next = used++;
            }
            Keys(bytes, out var head, out var tail);
            first = new Slot(head, tail, bytes, i, next);
        }
        Array.Resize(ref more, used);
        _byLength = byLength;
        _more = more;
        Count = names.Length;
    }

    /// <summary>How many names the table holds.</summary>
    public int Count { get; }

    /// <summary>
    /// The position of the property name the reader is on, or -1 when it is none of the names. Escaped names and names
    /// split across a <see cref="ReadOnlySequence{T}"/> are compared unescaped. The reader does not move.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reader is not on a property name or string, or an escaped name is not valid UTF-16.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ref Utf8JsonReader reader)
        => reader.HasValueSequence || reader.ValueIsEscaped ? IndexOfUnescaped(ref reader) : IndexOf(reader.ValueSpan);

    /// <summary>The position of the UTF-8 name, or -1 when it is none of the names.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        var length = utf8Name.Length;
        var byLength = _byLength;
        if ((uint)length >= (uint)byLength.Length) return -1;
        Keys(utf8Name, out var head, out var tail);
        ref readonly var slot = ref byLength[length];
        while (true)
        {
            if (slot.Head == head && slot.Tail == tail)
            {
                // The keys cover the first and last 8 bytes, so up to 16 bytes they are the whole name (and on an
                // unused length, whose keys are zero, the position is -1 anyway); a longer name compares its middle.
                if (length <= 16) return slot.Index;
                if (slot.Utf8 is { } bytes && utf8Name.Slice(8, length - 16).SequenceEqual(bytes.AsSpan(8, length - 16))) return slot.Index;
            }
            if (slot.Next < 0) return -1;
            slot = ref _more[slot.Next];
        }
    }

    /// <summary>The slow path: unescape (or join the segments of) the name, then look it up.</summary>
    private int IndexOfUnescaped(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // Unescaping never lengthens a name, and shortens it at most sixfold ("\u0061" is one byte).
        var longest = _byLength.Length - 1;
        if (raw > (reader.ValueIsEscaped ? 6L * longest : longest)) return -1;

        byte[]? rented = null;
        Span<byte> buffer = raw <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent((int)raw));
        try
        {
            var written = reader.CopyString(buffer);
            return IndexOf(buffer.Slice(0, written));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Two keys that, together with the length, identify a name of up to 16 bytes: the first and the last 8 bytes
    /// (overlapping when shorter than 16); 4 to 7 bytes fit in <paramref name="head"/> as its first and last 4; up
    /// to 3 as bytes. Native byte order on both sides, so the keys only need to agree within one process.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keys(ReadOnlySpan<byte> name, out ulong head, out ulong tail)
    {
        var length = name.Length;
        if (length >= 8)
        {
            head = MemoryMarshal.Read<ulong>(name);
            tail = MemoryMarshal.Read<ulong>(name.Slice(length - 8));
        }
        else if (length >= 4)
        {
            head = MemoryMarshal.Read<uint>(name) | ((ulong)MemoryMarshal.Read<uint>(name.Slice(length - 4)) << 32);
            tail = 0;
        }
        else
        {
            head = length == 0 ? 0 : name[0] | ((ulong)name[length >> 1] << 8) | ((ulong)name[length - 1] << 16);
            tail = 0;
        }
    }
}
