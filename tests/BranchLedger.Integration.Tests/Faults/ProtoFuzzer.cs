using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// Request bodies for any message type, from its descriptor: typed messages with extreme values
/// (huge or control-character strings, unknown enum numbers, far-off dates, negative counts, huge
/// repeated fields), messages with wrong wire types, mutated encodings and random bytes.
/// </summary>
/// <param name="random">Seeded, so a failing case can be replayed.</param>
/// <param name="node">A node id that exists, used now and then so requests get past the directory.</param>
public sealed class ProtoFuzzer(Random random, string? node)
{
    private const int MaxDepth = 4;
    private int _ids;

    /// <summary>One request body, and how it was made (for the report).</summary>
    public (byte[] Bytes, string Mode) Next(MessageDescriptor type) => random.Next(10) switch
    {
        < 5 => (Message(type, 0).ToByteArray(), "typed"),
        < 7 => (WrongWireTypes(type), "wire-types"),
        < 9 => (Mutate(Message(type, 0).ToByteArray()), "mutated"),
        _ => (RandomBytes(), "random-bytes"),
    };

    public IMessage Message(MessageDescriptor type, int depth)
    {
        var message = type.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (random.Next(10) < 4)
            {
                continue;
            }

            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                map[Value(field.MessageType.FindFieldByNumber(1), depth + 1)] = Value(field.MessageType.FindFieldByNumber(2), depth + 1);
            }
            else if (field.IsRepeated)
            {
                // Now and then a huge list at the top, of shallow elements, so a body stays near the 4 MiB limit.
                var list = (IList)field.Accessor.GetValue(message);
                var huge = depth == 0 && random.Next(15) == 0;
                var count = huge ? random.Next(200, 1500) : random.Next(4);
                for (var i = 0; i < count && (field.FieldType != FieldType.Message || depth < MaxDepth); i++)
                {
                    list.Add(Value(field, huge ? MaxDepth - 1 : depth + 1));
                }
            }
            else if (field.FieldType != FieldType.Message || depth < MaxDepth)
            {
                field.Accessor.SetValue(message, Value(field, depth + 1));
            }
        }

        return message;
    }

    private object Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => Text(field.Name),
        FieldType.Bytes => ByteString.CopyFrom(Bytes(random.Next(3) == 0 ? 5000 : 40)),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Int(),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(0L, -1L, long.MinValue, long.MaxValue, 253402300800L, -62135596801L, random.NextInt64()),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Int(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.NextInt64(),
        FieldType.Double => Pick(double.NaN, double.PositiveInfinity, -1e308, 0.0, random.NextDouble() * 1e6),
        FieldType.Float => Pick(float.NaN, float.NegativeInfinity, 3.4e38f, 0f, (float)random.NextDouble()),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, random.Next(3) == 0
            ? Pick(-1, 99, int.MaxValue, int.MinValue, random.Next())
            : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number),
        FieldType.Message => Message(field.MessageType, depth),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    // Counts, days, months and years near and far beyond every limit the API has.
    private int Int() => Pick(0, 1, -1, 12, 13, 31, 32, 1899, 2000, 2026, 9999, 10000, 100_001, int.MinValue, int.MaxValue, random.Next(-1000, 1000));

    private string Text(string name)
    {
        if (name == "request_id" && random.Next(3) > 0)
        {
            return $"fz-{random.Next():x}-{Interlocked.Increment(ref _ids)}";
        }

        if (name is "node_id" or "parent_id" && node is not null && random.Next(2) == 0)
        {
            return node;
        }

        return random.Next(12) switch
        {
            0 => "",
            1 => new string('x', random.Next(10) == 0 ? random.Next(20_001, 300_000) : random.Next(101, 2_000)),
            2 => string.Concat(Enumerable.Repeat("党支部", random.Next(1, 7_000))),
            3 => "a\0b\u0001c\u001f",
            4 => "\uFFFE\uFFFF\U0001F600",
            5 => "'; drop table ledger; --",
            6 => "   \t\n  ",
            7 => Pick("2026", "2026-Q5", "2026-13", "1999", "-1", "99999-Q1", "0000-00"),
            8 => "../../etc/passwd",
            _ => "fz" + random.Next(1_000_000).ToString("x"),
        };
    }

    // Every field of the type written with a random wire type: the parser must skip or refuse them.
    private byte[] WrongWireTypes(MessageDescriptor type)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var fields = type.Fields.InDeclarationOrder();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            var number = fields.Count > 0 && random.Next(4) > 0 ? fields[random.Next(fields.Count)].FieldNumber : random.Next(1, 536_870_911);
            var wireType = (WireFormat.WireType)random.Next(6);
            output.WriteTag(number, wireType);
            switch (wireType)
            {
                case WireFormat.WireType.Varint: output.WriteUInt64((ulong)random.NextInt64()); break;
                case WireFormat.WireType.Fixed64: output.WriteFixed64((ulong)random.NextInt64()); break;
                case WireFormat.WireType.Fixed32: output.WriteFixed32((uint)random.Next()); break;
                case WireFormat.WireType.LengthDelimited: output.WriteBytes(ByteString.CopyFrom(random.Next(2) == 0 ? [0xC3, 0x28, 0xFF] : Bytes(60))); break;
                case WireFormat.WireType.StartGroup: output.WriteTag(random.Next(1, 20), WireFormat.WireType.EndGroup); break;
                default: break; // a stray end-group tag
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    private byte[] Mutate(byte[] bytes)
    {
        if (bytes.Length == 0 || random.Next(3) == 0)
        {
            // A length prefix promising far more than follows.
            return [.. bytes, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, .. Bytes(10)];
        }

        var copy = random.Next(2) == 0 ? bytes[..random.Next(bytes.Length)] : (byte[])bytes.Clone();
        for (var i = random.Next(1, 6); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private byte[] RandomBytes() => Bytes(random.Next(3) == 0 ? 20_000 : 200);

    private byte[] Bytes(int max)
    {
        var bytes = new byte[random.Next(max)];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];

    /// <summary>Every <c>request_id</c> the body carries, at any depth, if it parses at all.</summary>
    public static IEnumerable<string> RequestIds(MessageDescriptor type, byte[] bytes)
    {
        IMessage message;
        try
        {
            message = type.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return [];
        }

        return RequestIds(message);
    }

    private static IEnumerable<string> RequestIds(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            var values = field.IsRepeated && !field.IsMap ? ((IList)value).Cast<object>() : [value];
            foreach (var item in values)
            {
                if (field.Name == "request_id" && item is string id && id.Length > 0)
                {
                    yield return id;
                }
                else if (field.FieldType == FieldType.Message && !field.IsMap && item is IMessage inner)
                {
                    foreach (var nested in RequestIds(inner))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
