using System.Diagnostics;
using OpenTelemetry;

namespace BranchLedger.Hosting;

/// <summary>
/// Drops span attributes that carry grain keys or ids (tenant and node ids are part of every key),
/// before any exporter sees them. Span names and the remaining attributes name types, methods and
/// routes only, so a trace backend's indexes stay small and no tenant data leaves in telemetry.
/// </summary>
internal sealed class LowCardinalityProcessor : BaseProcessor<Activity>
{
    /// <summary>Attributes removed from every span.</summary>
    internal static readonly string[] DroppedTags =
    [
        "orleans.grain.id",
        "orleans.rpc.target_id",
        "orleans.rpc.source_id",
        "rpc.orleans.target_id",
        "rpc.orleans.source_id",
        "orleans.activation.id",
        "orleans.journal.id",
        "orleans.durable_job.id",
        "orleans.durable_job.target_grain_id",
        "url.query",
    ];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in DroppedTags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                data.SetTag(tag, null);
            }
        }

        // A transcoded call's path holds node and record ids; its route template says the same without them.
        if (data.GetTagItem("http.route") is string route && data.GetTagItem("url.path") is not null)
        {
            data.SetTag("url.path", route);
        }
    }
}
