using System.Buffers.Binary;

namespace BranchLedger.Domain.Rankings;

/// <summary>
/// An entry's indicator values in a few bytes each, slot by slot in its <see cref="IndicatorLayout"/>:
/// a tag (assessable, and how each number is kept), then the points and the raw value. A number is
/// kept as nothing when it is zero, as a zigzag varint when whole (counts), as varint hundredths when it
/// has at most two decimals (points, most rates) — each giving back the very same double — and as its
/// 8 bytes otherwise. So unpacking returns exactly what was packed, and a vector of a dozen indicators
/// takes a few dozen bytes instead of 12 × 40.
/// </summary>
public static class PackedIndicators
{
    private const byte Assessable = 1;

    // Two bits per number: points at bits 1–2, raw at bits 3–4.
    private const int Zero = 0, Whole = 1, InHundredths = 2, AsDouble = 3;

    /// <summary>Packs the values of <paramref name="indicators"/> (ids and maxima go to the layout).</summary>
    public static byte[] Pack(IReadOnlyList<IndicatorValue> indicators)
    {
        // At most 1 + 8 + 8 bytes per indicator; a score holds at most a few hundred.
        var scratch = indicators.Count <= 400 ? stackalloc byte[indicators.Count * 17] : new byte[indicators.Count * 17];
        var at = 0;
        foreach (var indicator in indicators)
        {
            var (pointsForm, points) = Form(indicator.Points);
            var (rawForm, raw) = Form(indicator.Raw);
            scratch[at++] = (byte)((indicator.Assessable ? Assessable : 0) | (pointsForm << 1) | (rawForm << 3));
            at += Write(scratch[at..], pointsForm, points, indicator.Points);
            at += Write(scratch[at..], rawForm, raw, indicator.Raw);
        }

        return scratch[..at].ToArray();
    }

    /// <summary>The value in slot <paramref name="slot"/> of a vector packed under <paramref name="layout"/>.</summary>
    public static IndicatorValue At(IndicatorLayout layout, ReadOnlySpan<byte> packed, int slot)
    {
        var at = 0;
        for (var i = 0; i < slot; i++)
        {
            _ = Read(layout, packed[at..], i, out var used);
            at += used;
        }

        return Read(layout, packed[at..], slot, out _);
    }

    /// <summary>Every value of a vector packed under <paramref name="layout"/>.</summary>
    public static IndicatorValue[] Unpack(IndicatorLayout layout, ReadOnlySpan<byte> packed)
    {
        var values = new IndicatorValue[layout.Count];
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Read(layout, packed[at..], i, out var used);
            at += used;
        }

        return values;
    }

    // The shortest form that gives back exactly this double (so -0.0, NaN and finer values keep 8 bytes).
    private static (int Form, long Value) Form(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e13 || (value == 0 && double.IsNegative(value)))
        {
            return (AsDouble, 0);
        }

        if (value == 0)
        {
            return (Zero, 0);
        }

        if (Math.Round(value) == value)
        {
            return (Whole, (long)value);
        }

        var hundredths = Math.Round(value * 100);
        return hundredths / 100 == value ? (InHundredths, (long)hundredths) : (AsDouble, 0);
    }

    private static int Write(Span<byte> to, int form, long whole, double value)
    {
        switch (form)
        {
            case Zero:
                return 0;
            case AsDouble:
                BinaryPrimitives.WriteDoubleLittleEndian(to, value);
                return 8;
        }

        var zigzag = (ulong)((whole << 1) ^ (whole >> 63));
        var n = 0;
        while (zigzag >= 0x80)
        {
            to[n++] = (byte)(zigzag | 0x80);
            zigzag >>= 7;
        }

        to[n++] = (byte)zigzag;
        return n;
    }

    private static IndicatorValue Read(IndicatorLayout layout, ReadOnlySpan<byte> from, int slot, out int used)
    {
        var tag = from[0];
        used = 1;
        var points = ReadNumber(from, (tag >> 1) & 3, ref used);
        var raw = ReadNumber(from, (tag >> 3) & 3, ref used);
        return new IndicatorValue(layout.IdAt(slot), raw, points, layout.MaxPointsAt(slot), (tag & Assessable) != 0);
    }

    private static double ReadNumber(ReadOnlySpan<byte> from, int form, ref int used)
    {
        switch (form)
        {
            case Zero:
                return 0;
            case AsDouble:
                used += 8;
                return BinaryPrimitives.ReadDoubleLittleEndian(from[(used - 8)..]);
        }

        ulong zigzag = 0;
        var shift = 0;
        byte b;
        do
        {
            b = from[used++];
            zigzag |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        var whole = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        return form == Whole ? whole : whole / 100.0;
    }
}
