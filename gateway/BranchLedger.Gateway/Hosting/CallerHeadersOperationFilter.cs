using BranchLedger.Gateway.Services;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BranchLedger.Gateway.Hosting;

/// <summary>Documents the caller headers every operation needs (see <see cref="MetadataCallerResolver"/>).</summary>
internal sealed class CallerHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Header(MetadataCallerResolver.TenantHeader, required: true, "The caller's tenant id.", "demo-disabled-fed"));
        operation.Parameters.Add(Header(MetadataCallerResolver.UserHeader, required: false, "Who records (default: anonymous).", "oa-sync"));
    }

    private static OpenApiParameter Header(string name, bool required, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = "string" },
        Example = new OpenApiString(example),
    };
}
