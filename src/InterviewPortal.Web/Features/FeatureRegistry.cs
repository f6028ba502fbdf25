using FluentValidation;
using InterviewPortal.Web.Features.Auth;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Features.Colleges;
using InterviewPortal.Web.Features.Import;
using InterviewPortal.Web.Features.Inbox;
using InterviewPortal.Web.Features.Settings;
using InterviewPortal.Web.Features.Staff;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Pledges;
using InterviewPortal.Web.Features.Rehearsals;
using InterviewPortal.Web.Features.ExamDay;
using InterviewPortal.Web.Features.Verifications;
using InterviewPortal.Web.Features.Exports;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Security;
using InterviewPortal.Web.Infrastructure.WeLink;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Features.Outbox;
using InterviewPortal.Web.Features.Provisioning;

namespace InterviewPortal.Web.Features;

/// <summary>The one list of features: their services and their API route groups. Add a feature with one line in each.</summary>
public static class FeatureRegistry
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        // FluentValidation's own messages name the field: as the client sends it ('candidateId'), not split into
        // English words ('Candidate Id') inside a Chinese sentence.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddCandidateHandlers();
        services.AddCandidateAuth();
        services.AddMeHandlers();
        services.AddRoomHandlers();
        services.AddInterviewPlanning();
        services.AddImportHandlers();
        services.AddCollegeHandlers();
        services.AddStaffHandlers();
        services.AddSettingsHandlers();
        services.AddInboxHandlers();
        services.AddScoped<PreExamNoticePlanner>();
        services.AddNotificationHandlers();
        services.AddInvitationHandlers();
        services.AddProvisioningHandlers();
        services.AddScoped<ListOutboxHandler>().AddScoped<ListAuditHandler>();
        services.AddProtectedFiles();
        services.AddPledgeHandlers();
        services.AddRehearsalHandlers();
        services.AddPortalSecurity();
        services.AddVerifications();
        services.AddExamDay();
        return services;
    }

    public static void MapFeatureApis(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapCandidatesApi();
        api.MapCandidateAuthApi();
        api.MapMeApi();
        api.MapSelfCheckPing();
        api.MapPledgesApi();
        api.MapRehearsalsApi();
        api.MapVerificationsApi();
        api.MapExamDayApi();
        app.MapExamDayHub();
        api.MapRoomsApi();
        api.MapInterviewsApi();
        api.MapExportsApi();
        api.MapImportApi();
        api.MapCollegesApi();
        api.MapStaffApi();
        api.MapSettingsApi();
        api.MapInboxApi();
        api.MapNotificationsApi();
        api.MapInvitationsApi();
        api.MapProvisioningApi();
        api.MapOutboxApi();
        api.MapAuditApi();
    }
}
