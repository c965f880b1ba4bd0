using System.CommandLine;
using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>Access from the command line: local tokens, whoami, role bindings, API keys.</summary>
internal static class AccessCommands
{
    public static IEnumerable<Command> Build(CliGlobals globals) => [Token(globals), WhoAmI(globals), ApiKeys(globals), Roles(globals)];

    private static Command Token(CliGlobals globals)
    {
        var grants = new Argument<string[]>("grant") { Description = "e.g. supervisor@*  or  branch-secretary@acme#b1,b2", Arity = ArgumentArity.OneOrMore };
        var hours = new Option<double>("--hours") { Description = "Lifetime in hours", DefaultValueFactory = _ => 8 };
        var command = new Command("token", "Mint a token with the local signing key (as --user)") { grants, hours };
        globals.SetAction(command, (cli, parse, _) =>
        {
            var parsed = parse.GetRequiredValue(grants).Select(text =>
            {
                var grant = Grant.Parse(text);
                var problem = grant is null ? "role@tenants[#nodes][!permissions]" : GrantRules.Problem(grant);
                return problem is null ? grant! : throw new CliInputException($"'{text}' is not a valid grant: {problem}");
            }).ToList();
            cli.WriteRaw(cli.Credentials.Mint(parsed, TimeSpan.FromHours(parse.GetValue(hours))));
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command WhoAmI(CliGlobals globals)
    {
        var command = new Command("whoami", "The subject, credential and grants the gateway sees");
        globals.SetAction(command, async (cli, _, ct) =>
        {
            var me = await Client(cli).GetCallerAsync(new GetCallerRequest(), cli.Headers, cancellationToken: ct);
            cli.Show(me, () =>
            {
                cli.Out.MarkupLineInterpolated($"[bold]{me.Subject}[/] via {me.Credential}; default tenant: {(me.DefaultTenantId.Length > 0 ? me.DefaultTenantId : "(none)")}");
                foreach (var grant in me.Grants)
                {
                    cli.Out.WriteLine("  " + grant);
                }
            });
            return 0;
        });
        return command;
    }

    private static Command ApiKeys(CliGlobals globals)
    {
        var name = new Argument<string>("name");
        var grant = new Argument<string>("grant") { Description = "e.g. system-client@acme!records.write" };
        var days = new Option<int?>("--days") { Description = "Expire after this many days" };
        var create = new Command("create", "Issue an API key (its text is shown once)") { name, grant, days };
        globals.SetAction(create, async (cli, parse, ct) =>
        {
            var response = await Client(cli).CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Name = parse.GetRequiredValue(name),
                Grant = parse.GetRequiredValue(grant),
                ExpireTime = parse.GetValue(days) is { } d ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(d)) : null,
                RequestId = $"cli:key:{Guid.NewGuid():N}",
            }, cli.Headers, cancellationToken: ct);
            cli.Show(response, () =>
            {
                cli.Out.MarkupLineInterpolated($"key id [bold]{response.Key.KeyId}[/] ({response.Key.Grant})");
                cli.WriteRaw(response.KeyText);
                cli.Error.WriteLine("The key is shown only now; the platform keeps its hash.");
            });
            return 0;
        });

        var list = new Command("list", "The tenant's API keys");
        globals.SetAction(list, async (cli, _, ct) =>
        {
            var table = new Table().AddColumns("key id", "state", "name", "grant", "expires");
            var all = new ListApiKeysResponse();
            await foreach (var k in Paging.AllAsync(t => Client(cli).ListApiKeysAsync(new ListApiKeysRequest { PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Keys, p => p.NextPageToken))
            {
                all.Keys.Add(k);
                var state = k.RevokeTime is not null ? "revoked" : k.ExpireTime is { } e && e.ToDateTimeOffset() <= DateTimeOffset.UtcNow ? "expired" : "active";
                table.AddRow(Markup.Escape(k.KeyId), state, Markup.Escape(k.Name), Markup.Escape(k.Grant), k.ExpireTime is { } x ? x.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) : "-");
            }

            cli.Show(all, () => cli.Out.Write(table));
            return 0;
        });

        var keyId = new Argument<string>("key-id");
        var revoke = new Command("revoke", "Revoke an API key") { keyId };
        globals.SetAction(revoke, async (cli, parse, ct) =>
        {
            var id = parse.GetRequiredValue(keyId);
            var response = await Client(cli).RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = id, RequestId = $"cli:revoke:{id}" }, cli.Headers, cancellationToken: ct);
            cli.Show(response, () => cli.Out.MarkupLineInterpolated($"revoked {response.Key.KeyId} at {response.Key.RevokeTime.ToDateTimeOffset():u}"));
            return 0;
        });
        return new Command("api-keys", "API keys of the tenant (--tenant)") { create, list, revoke };
    }

    private static Command Roles(CliGlobals globals)
    {
        var subject = new Argument<string>("subject");
        var grant = new Argument<string>("grant") { Description = "e.g. tenant-admin@acme" };
        Command Binding(string name, bool unbind)
        {
            var command = new Command(name, unbind ? "Remove a role binding" : "Bind a user to a role") { subject, grant };
            globals.SetAction(command, async (cli, parse, ct) =>
            {
                var (who, what) = (parse.GetRequiredValue(subject), parse.GetRequiredValue(grant));
                var requestId = $"cli:{name}:{Guid.NewGuid():N}";
                var replayed = unbind
                    ? (await Client(cli).UnbindRoleAsync(new UnbindRoleRequest { Subject = who, Grant = what, RequestId = requestId }, cli.Headers, cancellationToken: ct)).Replayed
                    : (await Client(cli).BindRoleAsync(new BindRoleRequest { Subject = who, Grant = what, RequestId = requestId }, cli.Headers, cancellationToken: ct)).Replayed;
                cli.Out.MarkupLineInterpolated($"{(unbind ? "unbound" : "bound")} {what} {(unbind ? "from" : "to")} {who} (replayed: {replayed})");
                return 0;
            });
            return command;
        }

        var list = new Command("list", "The tenant's role bindings");
        globals.SetAction(list, async (cli, _, ct) =>
        {
            var table = new Table().AddColumns("subject", "grant", "bound by", "bound at");
            var all = new ListRoleBindingsResponse();
            await foreach (var b in Paging.AllAsync(t => Client(cli).ListRoleBindingsAsync(new ListRoleBindingsRequest { PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Bindings, p => p.NextPageToken))
            {
                all.Bindings.Add(b);
                table.AddRow(Markup.Escape(b.Subject), Markup.Escape(b.Grant), Markup.Escape(b.BoundBy), b.BoundAt.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture));
            }

            cli.Show(all, () => cli.Out.Write(table));
            return 0;
        });
        return new Command("roles", "Role bindings of the tenant (--tenant)") { Binding("bind", false), Binding("unbind", true), list };
    }

    private static AccessService.AccessServiceClient Client(CliContext cli) => new(cli.Channel);
}
