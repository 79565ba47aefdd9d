using System.Globalization;
using System.Text;
using System.Text.Json;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Tally;

/// <summary>
/// <c>tally FILE.pb --rule RULE [--json] [--explain]</c>: recomputes the winners of a pabulib file, so anyone can
/// check published results. Exit code 0 on success, 2 on bad arguments or a bad file.
/// </summary>
public static class TallyCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.Write(Usage);
            return Ok;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            error.WriteLine($"tally: {problem}");
            error.WriteLine("Run with --help for usage.");
            return BadInput;
        }

        Election election;
        try
        {
            election = PabulibReader.ReadFile(options.File);
        }
        catch (PabulibFormatException e)
        {
            error.WriteLine($"tally: {options.File}: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"tally: cannot read {options.File}: {e.Message}");
            return BadInput;
        }

        Outcome outcome;
        try
        {
            outcome = options.Rule.Run(election);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"tally: {e.Message}");
            return BadInput;
        }

        output.Write(options.Json ? Json(outcome, options.Explain) : Text(outcome, options.Explain));
        return Ok;
    }

    public static string Usage => $"""
        Usage: tally FILE.pb --rule RULE [--json] [--explain]

        Reads a participatory-budgeting election in the pabulib format and prints the selected
        project ids, one per line, in the order the rule chose them.

          --rule RULE   the outcome rule (required), one of:
        {string.Join(Environment.NewLine, RuleCatalog.All.Select(r => $"                  {r.Name,-32} {r.Description}"))}
          --json        print {"{"}"rule":…,"selected":[…],"totalCost":…{"}"} instead
          --explain     add per project why it won or lost
          --help        show this text

        Ties are broken by project id compared as a string, as pabutools does.
        Exit codes: 0 success, 2 bad arguments or a bad file.

        """;

    private sealed record Options(string File, IOutcomeRule Rule, bool Json, bool Explain);

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = null!;
        string? file = null;
        string? ruleName = null;
        bool json = false, explain = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rule":
                    if (i + 1 >= args.Length)
                    {
                        problem = "--rule needs a rule name";
                        return false;
                    }

                    ruleName = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case var other when other.StartsWith('-'):
                    problem = $"unknown option '{other}'";
                    return false;
                default:
                    if (file is not null)
                    {
                        problem = $"only one file, but got '{file}' and '{args[i]}'";
                        return false;
                    }

                    file = args[i];
                    break;
            }
        }

        if (file is null)
        {
            problem = "no pabulib file given";
            return false;
        }

        if (ruleName is null)
        {
            problem = "no rule given (--rule RULE)";
            return false;
        }

        if (!RuleCatalog.TryGet(ruleName, out var rule))
        {
            problem = $"unknown rule '{ruleName}'; known rules: {string.Join(", ", RuleCatalog.Names)}";
            return false;
        }

        options = new Options(file, rule, json, explain);
        problem = "";
        return true;
    }

    private static string Text(Outcome outcome, bool explain)
    {
        var text = new StringBuilder();
        foreach (var id in outcome.Selected)
        {
            text.Append(id).Append('\n');
        }

        if (explain)
        {
            text.Append('\n')
                .Append(CultureInfo.InvariantCulture, $"# {outcome.Rule}: {outcome.Selected.Count} selected, total cost {Money(outcome.TotalCost)} of {Money(outcome.Budget)}")
                .Append(outcome.BudgetIncrements is { } k ? $", voter budget {Money(outcome.VoterBudget ?? 0)} after {k} increments" : "")
                .Append('\n');
            foreach (var project in outcome.Projects)
            {
                text.Append("# ").Append(Explanation.For(project)).Append('\n');
            }

            foreach (var tie in outcome.Ties)
            {
                text.Append(CultureInfo.InvariantCulture, $"# tie at step {tie.Step}: {tie.Chosen} went before {string.Join(", ", tie.TiedWith)} by the tie-breaking order\n");
            }
        }

        return text.ToString();
    }

    private static string Json(Outcome outcome, bool explain)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = explain }))
        {
            json.WriteStartObject();
            json.WriteString("rule", outcome.Rule);
            json.WriteStartArray("selected");
            foreach (var id in outcome.Selected)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteNumber("totalCost", outcome.TotalCost);
            if (explain)
            {
                json.WriteNumber("budget", outcome.Budget);
                json.WriteStartArray("projects");
                foreach (var p in outcome.Projects)
                {
                    json.WriteStartObject();
                    json.WriteString("id", p.ProjectId);
                    json.WriteBoolean("selected", p.Selected);
                    json.WriteString("reason", JsonNamingPolicy.KebabCaseLower.ConvertName(p.Reason.ToString()));
                    json.WriteNumber("votes", p.Votes);
                    json.WriteNumber("cost", p.Cost);
                    WriteOptional(json, "points", p.Points);
                    WriteOptional(json, "step", p.Step);
                    WriteOptional(json, "remainingBudgetAtTurn", p.RemainingBudgetAtTurn);
                    WriteOptional(json, "supportersMoneyLeft", p.SupportersMoneyLeft);
                    WriteOptional(json, "paymentPerSupporter", p.PaymentPerSupporter);
                    json.WriteString("explanation", Explanation.For(p));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
