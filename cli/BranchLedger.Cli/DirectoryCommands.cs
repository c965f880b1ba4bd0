using System.CommandLine;
using BranchLedger.Api.V1;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>tenants</c> and <c>nodes</c>: the directory through DirectoryService, one call per change.</summary>
internal static class DirectoryCommands
{
    public static Command Tenants(CliGlobals globals)
    {
        var tenant = new Argument<string>("tenant-id");
        var name = new Argument<string>("display-name");
        var kind = new Option<string>("--kind") { Description = "Body kind, e.g. mass_organisation", DefaultValueFactory = _ => "peoples_organisation" };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone (default Asia/Shanghai)" };
        var create = new Command("create", "Register a tenant (platform admin)") { tenant, name, kind, zone };
        globals.SetAction(create, async (cli, parse, ct) =>
        {
            var row = new TenantRow(parse.GetRequiredValue(tenant), parse.GetRequiredValue(name), parse.GetRequiredValue(kind), parse.GetValue(zone));
            var response = await RegisterAsync(cli, row, ct);
            cli.Show(response, () => cli.Out.MarkupLineInterpolated(
                $"{response.Tenant.TenantId}: {response.Tenant.Profile.DisplayName} ({(response.Replayed ? "already registered" : "registered")})"));
            return 0;
        });

        var show = new Command("show", "The tenant named by --tenant");
        globals.SetAction(show, async (cli, _, ct) =>
        {
            var response = await new DirectoryService.DirectoryServiceClient(cli.Channel).GetTenantAsync(new GetTenantRequest(), cli.Headers, cancellationToken: ct);
            var t = response.Tenant;
            cli.Show(response, () => cli.Out.Write(new Table().AddColumns("tenant", "name", "body kind", "time zone", "created by")
                .AddRow(Markup.Escape(t.TenantId), Markup.Escape(t.Profile.DisplayName), ProtoText.Short(ProtoText.BodyKinds, (int)t.Profile.BodyKind), Markup.Escape(t.Profile.TimeZone), Markup.Escape(t.CreatedBy))));
            return 0;
        });

        var file = new Argument<FileInfo>("file") { Description = "CSV: tenant_id,display_name,body_kind[,time_zone]" };
        var import = new Command("import", "Register the tenants of a CSV file (re-running registers nothing twice)") { file };
        globals.SetAction(import, async (cli, parse, ct) =>
        {
            var table = new Table().AddColumns("tenant", "name", "outcome");
            foreach (var row in CsvTable.Read(parse.GetRequiredValue(file).FullName))
            {
                var tenantRow = new TenantRow(
                    row["tenant_id"] ?? throw new CliInputException($"line {row.Line}: tenant_id is required"),
                    row["display_name"] ?? throw new CliInputException($"line {row.Line}: display_name is required"),
                    row["body_kind"] ?? "peoples_organisation", row["time_zone"]);
                var response = await RegisterAsync(cli, tenantRow, ct);
                table.AddRow(Markup.Escape(tenantRow.TenantId), Markup.Escape(tenantRow.Name), response.Replayed ? "already registered" : "[green]registered[/]");
            }

            cli.Out.Write(table);
            return 0;
        });
        return new Command("tenants", "Tenants (bodies) of the platform") { create, show, import };
    }

    public static Command Nodes(CliGlobals globals)
    {
        var id = new Argument<string>("node-id");
        var kind = new Option<string>("--kind") { Description = "organisation, general_branch, branch or small_group", Required = true };
        var name = new Option<string>("--name") { Required = true };
        var parent = new Option<string?>("--parent") { Description = "The parent node (none for a root organisation)" };
        var create = new Command("create", "Create a node of the organisation tree") { id, kind, name, parent };
        globals.SetAction(create, async (cli, parse, ct) =>
        {
            var request = TreeImport.CreateRequest(parse.GetRequiredValue(id), parse.GetRequiredValue(kind), parse.GetRequiredValue(name), parse.GetValue(parent));
            var response = await new DirectoryService.DirectoryServiceClient(cli.Channel).CreateNodeAsync(request, cli.Headers, cancellationToken: ct);
            cli.Show(response, () => cli.Out.MarkupLineInterpolated($"{response.Node.NodeId}: {response.Node.Name} ({(response.Replayed ? "already created" : "created")})"));
            return 0;
        });

        var onlyKind = new Option<string?>("--kind") { Description = "Only nodes of this kind, e.g. branch" };
        var under = new Option<string?>("--parent") { Description = "Only the direct children of this node" };
        var closed = new Option<bool>("--include-closed");
        var list = new Command("list", "The tenant's organisation tree") { onlyKind, under, closed };
        globals.SetAction(list, async (cli, parse, ct) =>
        {
            var wanted = parse.GetValue(onlyKind) is { } k ? (NodeKind?)ProtoText.ParseEnum(ProtoText.NodeKinds, k) : null;
            var request = new ListNodesRequest { PageSize = 500, IncludeClosed = parse.GetValue(closed), ParentId = parse.GetValue(under) ?? "" };
            var client = new DirectoryService.DirectoryServiceClient(cli.Channel);
            var all = new ListNodesResponse();
            await foreach (var node in Paging.AllAsync(t => client.ListNodesAsync(new ListNodesRequest(request) { PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Nodes, p => p.NextPageToken))
            {
                if (wanted is null || node.Kind == wanted)
                {
                    all.Nodes.Add(node);
                }
            }

            cli.Show(all, () =>
            {
                var table = new Table().AddColumns("node", "kind", "name", "parent", "state");
                foreach (var n in all.Nodes)
                {
                    table.AddRow(Markup.Escape(n.NodeId), ProtoText.Short(ProtoText.NodeKinds, (int)n.Kind), Markup.Escape(n.Name), Markup.Escape(n.ParentId), ProtoText.Short(ProtoText.NodeStates, (int)n.State));
                }

                cli.Out.Write(table);
                cli.Out.MarkupLineInterpolated($"{all.Nodes.Count} nodes");
            });
            return 0;
        });

        var file = new Argument<FileInfo>("file") { Description = "CSV: node_id,kind,name,parent_id[,secretary,committee_members,members,voting_members,roster_from]" };
        var import = new Command("import", "Create the tree (and rosters) of a CSV file, parents first; re-running creates nothing twice") { file };
        globals.SetAction(import, (cli, parse, ct) => TreeImport.RunAsync(cli, parse.GetRequiredValue(file), ct));
        return new Command("nodes", "The organisation tree of the tenant (--tenant): organisations, general branches, branches") { create, list, import };
    }

    private sealed record TenantRow(string TenantId, string Name, string Kind, string? TimeZone);

    // A tenant registered before (by this file, or by other means) is reported as already registered, not as an error.
    private static async Task<RegisterTenantResponse> RegisterAsync(CliContext cli, TenantRow row, CancellationToken ct)
    {
        var directory = new DirectoryService.DirectoryServiceClient(cli.Channel);
        try
        {
            return await Register(directory, cli, row, ct);
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.AlreadyExists)
        {
            var existing = await directory.GetTenantAsync(new GetTenantRequest(), cli.Credentials.For(row.TenantId), cancellationToken: ct);
            return new RegisterTenantResponse { Tenant = existing.Tenant, Replayed = true };
        }
    }

    private static Task<RegisterTenantResponse> Register(DirectoryService.DirectoryServiceClient directory, CliContext cli, TenantRow row, CancellationToken ct) =>
        directory.RegisterTenantAsync(new RegisterTenantRequest
        {
            RequestId = ProtoText.RequestId("tenant", $"{row.TenantId}\n{row.Name}\n{row.Kind}\n{row.TimeZone}"),
            Profile = new TenantProfile
            {
                DisplayName = row.Name,
                BodyKind = (BodyKind)ProtoText.ParseEnum(ProtoText.BodyKinds, row.Kind),
                TimeZone = row.TimeZone ?? "",
            },
        }, cli.Credentials.For(row.TenantId), cancellationToken: ct).ResponseAsync;
}
