using BranchLedger.RecordFiles;
using Google.Protobuf.Reflection;

namespace BranchLedger.Cli;

/// <summary>Text to protobuf values as people type them, and request ids derived from content.</summary>
internal static class ProtoText
{
    public static readonly EnumDescriptor NodeKinds = BranchLedger.Api.V1.Node.Descriptor.FindFieldByName("kind").EnumType;

    public static readonly EnumDescriptor NodeStates = BranchLedger.Api.V1.Node.Descriptor.FindFieldByName("state").EnumType;

    public static readonly EnumDescriptor BodyKinds = BranchLedger.Api.V1.TenantProfile.Descriptor.FindFieldByName("body_kind").EnumType;

    /// <summary>An enum value as people type it (see <see cref="ProtoValues.ParseEnum"/>).</summary>
    public static int ParseEnum(EnumDescriptor type, string text)
    {
        try
        {
            return ProtoValues.ParseEnum(type, text);
        }
        catch (RecordFileException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }

    /// <summary>A value's name without the enum's prefix, lower case: "general_branch".</summary>
    public static string Short(EnumDescriptor type, int number) => ProtoValues.Short(type, number);

    /// <summary>A yyyy-MM-dd day.</summary>
    public static Google.Type.Date ParseDate(string text)
    {
        try
        {
            return ProtoValues.ParseDate(text);
        }
        catch (RecordFileException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }

    /// <summary>A request id fixed by the content (see <see cref="ProtoValues.RequestId(string, string)"/>).</summary>
    public static string RequestId(string kind, string content) => ProtoValues.RequestId(kind, content);
}
