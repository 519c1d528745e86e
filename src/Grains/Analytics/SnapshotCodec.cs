using System.Buffers.Binary;

namespace EnergyActors.Grains.Analytics;

/// <summary>Appends bytes, unsigned and zigzag varints, and seals them with an FNV-1a checksum.</summary>
internal sealed class SnapshotWriter
{
    private readonly List<byte> _bytes = new(256);

    public void Byte(byte value) => _bytes.Add(value);

    public void Unsigned(UInt128 value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }

    public void Signed(Int128 value) => Unsigned((UInt128)((value << 1) ^ (value >> 127)));

    public byte[] Finish()
    {
        var bytes = new byte[_bytes.Count + sizeof(uint)];
        _bytes.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(_bytes.Count), SnapshotReader.Fnv1a(bytes.AsSpan(0, _bytes.Count)));
        return bytes;
    }
}

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote; every read says whether the bytes held it.</summary>
internal ref struct SnapshotReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public static bool ChecksumHolds(ReadOnlySpan<byte> snapshot) =>
        snapshot.Length > sizeof(uint)
        && BinaryPrimitives.ReadUInt32LittleEndian(snapshot[^sizeof(uint)..]) == Fnv1a(snapshot[..^sizeof(uint)]);

    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    public bool Byte(out byte value)
    {
        var ok = _position < _bytes.Length;
        value = ok ? _bytes[_position++] : (byte)0;
        return ok;
    }

    public bool UnsignedWide(out UInt128 value)
    {
        value = 0;
        for (var shift = 0; shift < 128 && _position < _bytes.Length; shift += 7)
        {
            var b = _bytes[_position++];
            value |= (UInt128)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    public bool Unsigned(out ulong value)
    {
        var ok = UnsignedWide(out var wide) && wide <= ulong.MaxValue;
        value = ok ? (ulong)wide : 0;
        return ok;
    }

    public bool SignedWide(out Int128 value)
    {
        var ok = UnsignedWide(out var raw);
        value = ok ? (Int128)(raw >> 1) ^ -(Int128)(raw & 1) : 0;
        return ok;
    }

    public bool Signed(out long value)
    {
        var ok = SignedWide(out var wide) && wide >= long.MinValue && wide <= long.MaxValue;
        value = ok ? (long)wide : 0;
        return ok;
    }
}
