using static InterviewPortal.IntegrationTests.Security.Caller;
using static InterviewPortal.IntegrationTests.Security.EndpointAccess;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// Every /api endpoint and who may call it. <see cref="AuthorizationMatrixTests"/> fails for an endpoint missing
/// here, so a new route cannot ship without someone deciding who may use it. Keys are "METHOD /route" with route
/// constraints left out ("{id:int}" is written "{id}"). Entries for routes that do not exist (yet) are ignored.
/// </summary>
public static class ExpectedAccess
{
    public static readonly IReadOnlyDictionary<string, EndpointAccess> Table = new Dictionary<string, EndpointAccess>
    {
        // Sign-in: the only anonymous API routes (each is rate-limited).
        ["POST /api/v1/auth/token"] = Anyone,
        ["POST /api/v1/auth/refresh"] = Anyone, // the refresh token is the credential
        ["POST /api/v1/candidate/auth/code"] = Anyone,
        ["POST /api/v1/candidate/auth/token"] = Anyone,
        ["GET /api/v1/ping"] = Anyone, // the self-check page's round-trip timer: no data

        ["GET /api/v1/colleges"] = Staff,
        ["POST /api/v1/colleges"] = Only(Admin),
        ["GET /api/v1/colleges/{id}"] = Staff,
        ["PUT /api/v1/colleges/{id}"] = Only(Admin),
        ["DELETE /api/v1/colleges/{id}"] = Only(Admin),
        ["GET /api/v1/colleges/{id}/majors"] = Staff,
        ["POST /api/v1/colleges/{id}/majors"] = Only(Admin),
        ["POST /api/v1/colleges/{id}/provision"] = Planner,
        ["GET /api/v1/colleges/{id}/provisioning"] = Planner,
        ["GET /api/v1/colleges/{id}/exam-day"] = Planner,
        ["GET /api/v1/colleges/{id}/schedule.xlsx"] = Staff,

        ["GET /api/v1/candidates"] = Planner,
        ["POST /api/v1/candidates"] = Planner,
        ["GET /api/v1/candidates/{id}"] = Planner.On(Resource.Candidate),
        ["PUT /api/v1/candidates/{id}"] = Planner.On(Resource.Candidate),
        ["DELETE /api/v1/candidates/{id}"] = Planner.On(Resource.Candidate),
        ["POST /api/v1/candidates/import"] = Planner,

        ["GET /api/v1/rooms"] = Planner,
        ["POST /api/v1/rooms"] = Planner,
        ["GET /api/v1/rooms/{id}"] = Planner.On(Resource.Room),
        ["PUT /api/v1/rooms/{id}"] = Planner.On(Resource.Room),
        ["DELETE /api/v1/rooms/{id}"] = Planner.On(Resource.Room),
        ["POST /api/v1/rooms/{id}/schedule"] = Planner.On(Resource.Room),
        ["GET /api/v1/rooms/{id}/schedule.xlsx"] = Staff.On(Resource.Room),
        ["GET /api/v1/rooms/{id}/schedule.ics"] = Staff.On(Resource.Room),
        ["GET /api/v1/rooms/{id}/examiners/{name}/schedule.ics"] = Staff.On(Resource.Room),
        ["POST /api/v1/rooms/{id}/meeting-platform"] = Staff.On(Resource.Room), // exam day: the room's assistant, its college's secretary, the admin
        ["GET /api/v1/rooms/{id}/meeting-platform"] = Staff.On(Resource.Room),
        ["GET /api/v1/rooms/{id}/waiting-room"] = Staff.On(Resource.Room),

        ["GET /api/v1/interviews"] = Staff,
        ["POST /api/v1/interviews"] = Planner,
        ["GET /api/v1/interviews/{id}"] = Staff.On(Resource.Interview),
        ["PUT /api/v1/interviews/{id}"] = Planner.On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/cancel"] = Planner.On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/notify"] = Only(Assistant).On(Resource.Interview),
        ["PUT /api/v1/interviews/{id}/id-photo"] = Only(Candidate, Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/invite"] = Only(Assistant).On(Resource.Interview),
        ["GET /api/v1/interviews/{id}/invitations"] = Staff.On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/invitations/{invitationId}/retry"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/room-scan-accepted"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/complete"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/absent"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/interrupt"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/end"] = Only(Assistant).On(Resource.Interview),
        ["POST /api/v1/interviews/{id}/rehearsal-outcome"] = Only(Assistant).On(Resource.Interview),
        ["GET /api/v1/rehearsals/gaps"] = Planner,
        ["GET /api/v1/exam-day/console"] = Staff,
        ["GET /api/v1/notifications"] = Staff,

        ["GET /api/v1/verifications"] = Only(Assistant, Secretary),
        ["GET /api/v1/verifications/{id}"] = Only(Assistant, Secretary).On(Resource.Verification),
        ["GET /api/v1/verifications/{id}/photo"] = Only(Assistant, Secretary).On(Resource.Verification),
        ["POST /api/v1/verifications/{id}/approve"] = Only(Assistant).On(Resource.Verification),
        ["POST /api/v1/verifications/{id}/reject"] = Only(Assistant).On(Resource.Verification),
        ["POST /api/v1/verifications/{id}/retake"] = Only(Assistant).On(Resource.Verification),

        ["GET /api/v1/pledge/versions"] = Only(Admin),
        ["POST /api/v1/pledge/versions"] = Only(Admin),
        ["GET /api/v1/pledge/unconfirmed"] = Staff,
        ["POST /api/v1/pledge/reminders"] = Staff,

        ["GET /api/v1/me"] = Only(Candidate),
        ["GET /api/v1/me/pledge"] = Only(Candidate),
        ["POST /api/v1/me/pledge"] = Only(Candidate),
        ["GET /api/v1/me/assignment-reports"] = Only(Candidate),
        ["POST /api/v1/me/assignment-reports"] = Only(Candidate),
        ["GET /api/v1/me/phone-change-requests"] = Only(Candidate),
        ["POST /api/v1/me/phone-change-requests"] = Only(Candidate),

        // The college's inbox: the candidates' requests, answered by the college (Planner).
        ["GET /api/v1/inbox/assignment-reports"] = Planner,
        ["POST /api/v1/inbox/assignment-reports/{id}/answer"] = Planner,
        ["GET /api/v1/inbox/phone-change-requests"] = Planner,
        ["GET /api/v1/inbox/phone-change-requests/{id}/documents/{document}"] = Planner,
        ["POST /api/v1/inbox/phone-change-requests/{id}/approve"] = Planner,
        ["POST /api/v1/inbox/phone-change-requests/{id}/refuse"] = Planner,

        ["GET /api/v1/outbox"] = Only(Admin),
        ["GET /api/v1/audit"] = Only(Admin),
        ["GET /api/v1/settings"] = Only(Admin),
        ["PUT /api/v1/settings"] = Only(Admin),
        ["GET /api/v1/staff"] = Only(Admin),
        ["POST /api/v1/staff"] = Only(Admin),
        ["POST /api/v1/staff/{id}/reset-password"] = Only(Admin),
        ["POST /api/v1/staff/{id}/unlock"] = Only(Admin),
        ["POST /api/v1/staff/{id}/disable"] = Only(Admin),
        ["POST /api/v1/staff/{id}/enable"] = Only(Admin),
        ["PUT /api/v1/staff/{id}/role"] = Only(Admin),
    };
}
