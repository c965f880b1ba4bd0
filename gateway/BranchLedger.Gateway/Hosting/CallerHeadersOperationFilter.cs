using BranchLedger.Auth;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Documents what every operation needs: a bearer token or API key (security requirements), and the
/// optional header that picks the tenant for credentials reaching several.
/// </summary>
internal sealed class CallerHeadersOperationFilter : IOperationFilter
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = BranchLedgerClaims.TenantHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "The tenant the call acts on; needed only when the credential reaches several tenants.",
            Schema = new OpenApiSchema { Type = "string" },
            Example = new OpenApiString("example-body"),
        });
        operation.Security =
        [
            new OpenApiSecurityRequirement { [Reference(BearerScheme)] = [] },
            new OpenApiSecurityRequirement { [Reference(ApiKeyScheme)] = [] },
        ];
    }

    /// <summary>The two ways to authenticate, for the document's components.</summary>
    public static IEnumerable<(string Name, OpenApiSecurityScheme Scheme)> Schemes()
    {
        yield return (BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = "A token from the configured issuer, or a local token (branchledger token).",
        });
        yield return (ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = BranchLedgerClaims.ApiKeyHeader, Description = "A system client's API key.",
        });
    }

    private static OpenApiSecurityScheme Reference(string id) =>
        new() { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = id } };
}
