using Microsoft.AspNetCore.Mvc;
using Rapport.Features.CareerFields;
using Rapport.Features.ImportExport;
using Rapport.Features.Organizations;
using Rapport.Features.People;

namespace Rapport.Features;

public static class FeatureServices
{
    /// <summary>The helpers feature pages share; each is scoped to the request, like the database.</summary>
    public static IServiceCollection AddRapportFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Email").Get<Reminders.SmtpOptions>() ?? new Reminders.SmtpOptions());
        services.AddSingleton<Reminders.SmtpMail>();
        services.AddSingleton<Reminders.DailyDigest>();
        services.AddHostedService<Reminders.DailyDigestService>();
        services.AddSingleton<Shared.IconSet>();
        services.AddScoped<ContactEditor>();
        services.AddScoped<AlreadyThereCheck>();
        services.AddScoped<OrganizationEditor>();
        services.AddScoped<CareerFieldEditor>();
        services.AddScoped<ContactExport>();
        services.AddScoped<ContactMerge>();
        services.AddScoped<Conversations.ConversationStageService>();
        services.AddScoped<Conversations.QuestionPlanner>();
        services.AddScoped<FollowUps.FollowUpEngine>();
        services.AddScoped<FollowUps.RulePass>();
        // Before every other page filter, so it wraps them and sees a save conflict another one answered.
        services.Configure<MvcOptions>(options => options.Filters.Add<FollowUps.RulePassFilter>(int.MinValue));
        services.AddScoped<FollowUps.WhoAnswers>();
        services.AddScoped<LinkedInImport>();
        services.AddScoped<LinkedInContactImport>();
        services.AddScoped<LinkedInHistoryImport>();
        services.AddScoped<VCardContactImport>();
        services.Configure<ImportOptions>(configuration.GetSection("Imports"));
        services.AddScoped<PendingUploads>();
        services.AddSingleton<PendingUploadPurge>();
        services.AddSingleton<FollowUps.IHourlyPass>(provider => provider.GetRequiredService<PendingUploadPurge>());
        services.AddScoped<Trash.TrashCan>();
        services.AddSingleton<Trash.TrashPurge>();
        services.AddSingleton<FollowUps.IHourlyPass>(provider => provider.GetRequiredService<Trash.TrashPurge>());
        services.AddHostedService<FollowUps.HourlyPasses>();
        services.AddHostedService<Backup.RunningLockService>();
        services.AddScoped<AccountExport>();
        services.AddScoped<AccountRestore>();
        services.AddScoped<Account.AccountDeletion>();
        return services;
    }
}
