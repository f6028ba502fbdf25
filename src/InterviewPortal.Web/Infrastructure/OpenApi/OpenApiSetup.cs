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
            o.CustomSchemaIds(t => t.FullName?.Replace('+', '.'));
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/v1/auth/token (staff) or /api/v1/candidate/auth/token (candidates).",
            });
        });
        return services;
    }

    public static void UsePortalOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "InterviewPortal v1"));
    }
}
