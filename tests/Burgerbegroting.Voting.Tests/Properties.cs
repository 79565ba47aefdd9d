using FsCheck;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests;

/// <summary>Runs an FsCheck property inside an xunit test; a counterexample fails the test.</summary>
public static class Properties
{
    public static void Check<T>(Gen<T> generator, Func<T, bool> property, int runs = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs), Prop.ForAll(generator.ToArbitrary(), property));
}
