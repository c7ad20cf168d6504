using Audit.Api.Hosting;
using Audit.Api.Invitations;
using Audit.Application.Invitations;
using Audit.Core.Mail;
using Audit.Data.Mail;
using Microsoft.Extensions.Options;

namespace Audit.Api.Mail;

public static class MailExtensions
{
    public static WebApplicationBuilder AddAuditMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IMailOutbox, MailOutboxRepository>();
        builder.Services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
            ? new PickupFolderTransport(sp.GetRequiredService<IOptions<MailOptions>>())
            : new SmtpMailTransport(sp.GetRequiredService<IOptions<MailOptions>>()));
        builder.Services.AddTransient<MailOutboxJob>();
        builder.Services.AddSingleton<PublicLinks>();
        builder.Services.AddSingleton<IRoundMailRepository, RoundMailRepository>();
        builder.Services.AddSingleton<RoundMails>();
        builder.Services.AddSingleton<IInvitationMails>(sp => sp.GetRequiredService<RoundMails>());
        builder.Services.AddSingleton<Application.Reviews.IReviewMails, Reviews.ReviewMails>();
        builder.Services.AddSingleton<Application.Participations.IDeadlineMails>(sp => sp.GetRequiredService<RoundMails>());
        builder.Services.AddSingleton<Application.Users.IInvitationLinks, Users.UserInvitationLinks>();
        builder.Services.AddTransient<ReminderJob>();
        // Publishing queues its mail in the transaction that publishes (see PublishRound).
        builder.Services.AddSingleton<Core.Rounds.IRoundPublicationRepository, Data.Rounds.RoundPublicationRepository>();
        builder.Services.AddSingleton<Application.Rounds.IPublicationMails, Rounds.PublicationMails>();
        return builder;
    }
}
