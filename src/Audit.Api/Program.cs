using Audit.Api.Answers;
using Audit.Api.AuditTrail;
using Audit.Api.Cli;
using Audit.Api.CycleFindings;
using Audit.Api.Database;
using Audit.Api.DeepDives;
using Audit.Api.Demo;
using Audit.Api.Evidence;
using Audit.Api.FollowUps;
using Audit.Api.Health;
using Audit.Api.Hosting;
using Audit.Api.Institutions;
using Audit.Api.Invitations;
using Audit.Api.Jobs;
using Audit.Api.Mail;
using Audit.Api.OpenApi;
using Audit.Api.Pages;
using Audit.Api.Participations;
using Audit.Api.Questionnaires;
using Audit.Api.Reports;
using Audit.Api.Reviews;
using Audit.Api.Rounds;
using Audit.Api.SectorFindings;
using Audit.Api.SectorViews;
using Audit.Api.Users;

// --demo is a mode, not a setting: it seeds demo rounds after start-up (see README).
var demo = args.Contains("--demo");
args = [.. args.Where(a => a != "--demo")];

args = CliVerbs.ExpandShorthands(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddAuditHosting(args)
    .AddRequestLimits()
    .AddAuditDatabase()
    .AddAuditCollection()
    .AddAuditProblemDetails()
    .AddStrictJson()
    .AddAuditAccess()
    .AddAuditOpenApi()
    .AddAuditPages()
    .AddAuditReports()
    .AddAuditJobs()
    .AddAuditMail()
    .AddAuditDemo();

var app = builder.Build();
if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(app, args, Console.Out, Console.Error);
}

await app.InitializeDatabaseAsync();
var role = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value.ParsedRole;

app.UseAuditHosting();
app.UseApiVersionHeader();
app.UseSecurityHeaders();
app.UseAuditStaticFiles();
app.UseAuditProblems();
app.UseRequestShape();
app.UseSignInThrottle();
app.UseAuthentication();
app.MapJobsDashboard();
app.UseRateLimiter();
app.UseAuthorization();
app.UseApiAntiforgery();

app.ScheduleRecurringJobs();
app.MapHealth();
if (role.ServesWeb())
{
    app.MapOpenApiDocument();
    app.MapMe();
    app.MapInvitations();
    app.MapOrganisationSignIn();
    app.MapUsers();
    app.MapAuditEvents();
    app.MapInstitutions();
    app.MapRounds();
    app.MapQuestionnaires();
    app.MapParticipations();
    app.MapSectorViews();
    app.MapSectorFindings();
    app.MapCycleFindings();
    app.MapAnswers();
    app.MapEvidence();
    app.MapSubmissions();
    app.MapReviews();
    app.MapFindings();
    app.MapFollowUps();
    app.MapValidatedScores();
    app.MapDeepDives();
    app.MapRoundProgress();
    app.MapRoundPublication();
    app.MapRoundInvitations();
    app.MapReports();
    app.MapPages();
}

if (demo)
{
    await app.RunDemoAsync();
}
app.LogStartupBanner(role);
await app.RunAsync();
return CliVerbs.Ok;

public partial class Program;
