using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Infrastructure.Commands;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Privacy;
using Burgerbegroting.Web.Selection;
using Burgerbegroting.Web.Stemcodes;

var builder = WebApplication.CreateBuilder(AppFolder.Options(args));

builder.AddPersistence()
    .AddAccounts()
    .AddEmail()
    .AddEditions()
    .AddIdeas()
    .AddSelection()
    .AddStemcodes()
    .AddEvents()
    .AddParticipation()
    .AddPrivacy()
    .AddLanguages()
    .AddSecurity()
    .AddHealth()
    .AddPages();

var app = builder.Build();

app.UsePipeline();
app.MapPages();
app.MapHealth();

if (AppCommands.IsCommand(args))
{
    return await AppCommands.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
