namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// What a test needs from the machine that tests/run-tests.sh provides (a PostgreSQL server, root for a tmpfs). Missing in CI
/// it fails the test, so nothing skips itself into green; elsewhere (a developer's partial setup) the test is ignored.
/// </summary>
public static class TestPrerequisite
{
    /// <summary>The admin connection string of the test PostgreSQL server; empty when none was started.</summary>
    public static string PostgresAdmin => Environment.GetEnvironmentVariable("EJV_TEST_PG") ?? "";

    public static void RequirePostgres()
    {
        if (PostgresAdmin.Length == 0) Unavailable("EJV_TEST_PG is not set: run the tests with tests/run-tests.sh, which starts PostgreSQL");
    }

    public static void Unavailable(string why)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(why);
        Assert.Ignore(why);
    }
}
