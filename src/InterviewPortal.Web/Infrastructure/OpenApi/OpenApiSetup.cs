using Microsoft.OpenApi;

namespace InterviewPortal.Web.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = "InterviewPortal API", Version = "v1" });
            o.CustomSchemaIds(SchemaId);
            o.OperationFilter<MultipartBodyDocs>();
            o.OperationFilter<ProblemResponses>();
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/v1/auth/token (staff) or /api/v1/candidate/auth/token (candidates).",
            });
        });
        return services;
    }

    /// <summary>
    /// A schema's name as a client generator would want it: the type's name, its declaring type before it when
    /// nested, and generics spelled out (<c>PagedOfAuditItem</c>, not an assembly-qualified name). Two types of
    /// one name in different features would clash; Swashbuckle refuses that at startup and the OpenAPI test fails.
    /// </summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId)) : type.Name;
        return type.IsNested && !type.IsGenericParameter ? $"{type.DeclaringType!.Name}.{name}" : name;
    }

    public static void UsePortalOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "InterviewPortal v1"));
    }
}
