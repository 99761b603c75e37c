namespace EjVerkstallda.Worker.Commands;

public static class Help
{
    public const string Text = """
        ejv: EjVerkställda, the quarterly report of gynnande beslut not verkställda within three months (SoL, LSS)

        Usage:
          ejv                                   run as a service (Quartz schedule)
          ejv run --quarter 2024Q1 [--namnd ID] [--dry-run]
                                                one quarterly run now, for every configured nämnd (or one)
          ejv status [--namnd ID] [--json]      the status log: runs, each quarter's version and state, what was sent,
                                                open IVO cases, data-quality problems
          ejv demo [--quarter 2026Q3] [--serve] create a demo case system under ./demo and run quarters on it;
                                                --serve then serves the web pages on loopback with a one-time sign-in link
          ejv approve --quarter Q [--namnd ID] [--version N] [--by NAME]
                                                approve the current version as your OS account: the statistikrapport
                                                goes to the nämnd, the per-case reports to the revisorer's channel
          ejv decision --quarter Q --date YYYY-MM-DD --paragraph "§ 45" [--namnd ID] [--by NAME]
                                                record the nämnd's decision: the report goes to fullmäktige, revisorer
          ejv ivo list --quarter Q [--namnd ID] [--json]
                                                what to enter in IVO's e-tjänst this quarter (confidential)
          ejv ivo submitted --quarter Q [--namnd ID] (--beslut ID ... | --all) [--by NAME]
                                                record that reports were entered in IVO's e-tjänst
          ejv evidence --quarter Q [--namnd ID] [--out FILE] [--force]
                                                one zip for the revisorer or JO: documents and SHA-256, approvals,
                                                messages, IVO entered marks, data quality, run log (confidential, 0600)
          ejv mail send | ejv mail retry [--namnd ID]
                                                send what the outbox holds (retry: also what failed)
          ejv remind                            IVO window and closing-report reminders, automatic approval
          ejv check-source [--namnd ID] [--json] [--lang sv|en]
                                                check the case system's views (read-only): columns, types, codes, indexes
          ejv import history --file F.csv|.xlsx [--namnd ID] [--dry-run]
                                                carry over the cases the kommun reported to IVO by hand (deploy/import/)
          ejv import trend --file F.csv|.xlsx [--namnd ID] [--dry-run]
                                                earlier quarters' totals for the statistikrapport's trend
          ejv reconcile --from 2025Q1 --to 2026Q3 [--namnd ID] [--out FILE]
                                                what the rules say should have been reported against what was (read only)
          ejv init                              create the state store (the only command that does)
          ejv migrate                           upgrade an existing state store's tables
          ejv help                              this text

        Configuration: appsettings.json beside the program, environment variables (Ejv__Source__ConnectionString)
        and --Section:Key=value on the command line, e.g.
          ejv run --quarter 2024Q1 --Ejv:Source:Provider=postgresql --Ejv:Source:ConnectionString="Host=...;"

        Every command also takes --settings FILE: a JSON settings file layered over appsettings.json.

        Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad command line.

        """;
}
