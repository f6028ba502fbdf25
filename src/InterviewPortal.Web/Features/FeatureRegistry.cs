using FluentValidation;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Outbox;
using InterviewPortal.Web.Features.Provisioning;
using InterviewPortal.Web.Infrastructure.Files;

namespace InterviewPortal.Web.Features;

/// <summary>The one list of features: their services and their API route groups. Add a feature with one line in each.</summary>
public static class FeatureRegistry
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddCandidateHandlers();
        services.AddScoped<PreExamNoticePlanner>();
        services.AddNotificationHandlers();
        services.AddInvitationHandlers();
        services.AddProvisioningHandlers();
        services.AddScoped<ListOutboxHandler>().AddScoped<ListAuditHandler>();
        services.AddSingleton<ProtectedFileStore>();
        return services;
    }

    public static void MapFeatureApis(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapCandidatesApi();
        api.MapNotificationsApi();
        api.MapInvitationsApi();
        api.MapProvisioningApi();
        api.MapOutboxApi();
        api.MapAuditApi();
    }
}
