using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>An edition's events (docs/events.md, "Events"): make one for a round with a ballot, and see per event its check-ins and sheets.</summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Field.EventName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(150, ErrorMessage = "Validation.MaxLength")]
        public string? Name { get; set; }

        [Display(Name = "Field.Place")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Place { get; set; }

        /// <summary>As a date field sends it (2027-03-14), or typed the Dutch way (14-3-2027) where there is none.</summary>
        [Display(Name = "Field.EventDate")]
        public string? Date { get; set; }

        /// <summary>The round's number.</summary>
        [Display(Name = "Field.EventRound")]
        public int? Round { get; set; }
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<VotingEvent> Events { get; private set; } = [];
    public IReadOnlyDictionary<int, EventCounts> Counts { get; private set; } = new Dictionary<int, EventCounts>();

    /// <summary>The rounds an event can belong to: those with a ballot.</summary>
    public IEnumerable<Round> BallotRounds => Edition.Rounds.Where(r => r.Definition.HasBallot);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var date = ParseDate();
        var round = ChosenRound();
        if (!ModelState.IsValid || date is null || round is null)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var ev = await CreateAsync(round, date.Value);
        return this.Done(l["Events.Created", ev.Name], new { id });
    }

    private DateOnly? ParseDate()
    {
        var typed = Input.Date?.Trim();
        DateOnly? date = DateOnly.TryParseExact(typed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        ModelState.Require(date is not null, $"{nameof(Input)}.{nameof(Input.Date)}", l[string.IsNullOrEmpty(typed) ? "Events.Error.NoDate" : "Events.Error.NotADate"]);
        return date;
    }

    private Round? ChosenRound()
    {
        var round = BallotRounds.FirstOrDefault(r => r.Number == Input.Round);
        // A value that is no number has its message from binding already.
        if (ModelState[$"{nameof(Input)}.{nameof(Input.Round)}"]?.Errors.Count is null or 0)
        {
            ModelState.Require(round is not null, $"{nameof(Input)}.{nameof(Input.Round)}", l[Input.Round is null ? "Events.Error.NoRound" : "Events.Error.NoBallot"]);
        }

        return round;
    }

    /// <summary>The event and its audit line, saved together.</summary>
    private async Task<VotingEvent> CreateAsync(Round round, DateOnly date)
    {
        var ev = new VotingEvent
        {
            EditionId = Edition.Id,
            RoundId = round.Id,
            Name = Input.Name!.Trim(),
            Place = Input.Place!.Trim(),
            Date = date,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.VotingEvents.Add(ev);
        await db.SaveChangesAsync();
        audit.Record(AuditActions.EventCreated, nameof(VotingEvent), ev.Id.ToString(CultureInfo.InvariantCulture), $"{ev.Name}, {ev.Place}, {ev.Date:yyyy-MM-dd}, ronde {round.Number}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return ev;
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        Edition = edition;
        Events = await db.VotingEvents.AsNoTracking().Where(e => e.EditionId == id).OrderByDescending(e => e.Date).ThenBy(e => e.Name).ToListAsync();
        Counts = await EventCounts.LoadAsync(db, [.. Events.Select(e => e.Id)]);
        return true;
    }
}
