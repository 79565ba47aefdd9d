using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// Checks T-SQL with the parser SQL Server's own tools use (ScriptDom, SQL Server 2022 syntax). It finds syntax
/// errors only; whether tables and columns exist is for a server to say.
/// </summary>
public static class TSql
{
    /// <summary>
    /// The parse errors of a script, including those inside <c>EXEC(N'...')</c> strings: EF Core's idempotent
    /// scripts wrap some statements (filtered indexes) that way, and the parser sees those only as string literals.
    /// </summary>
    public static IReadOnlyList<string> Errors(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        var found = errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        if (fragment is not null)
        {
            var executed = new ExecutedStrings();
            fragment.Accept(executed);
            found.AddRange(executed.Scripts.SelectMany(s => Errors(s).Select(e => $"in EXEC('{Shorten(s)}'): {e}")));
        }

        return found;
    }

    /// <summary>Asserts that the script parses without errors; the message shows the errors and the script.</summary>
    public static void AssertValid(string script)
    {
        var errors = Errors(script);
        Assert.True(errors.Count == 0, $"{errors.Count} T-SQL parse errors:\n{string.Join("\n", errors)}\n---\n{script}");
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "…" : s;

    /// <summary>The texts of EXEC statements made of string literals only.</summary>
    private sealed class ExecutedStrings : TSqlFragmentVisitor
    {
        public List<string> Scripts { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            if (node.Strings.All(s => s is StringLiteral))
            {
                Scripts.Add(string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value)));
            }
        }
    }
}
