using System.CommandLine;
using DanVan.Cli.Infrastructure;

namespace DanVan.Cli.Evaluations;

/// <summary>The evaluation cycle's command groups: periods, scores and compute.</summary>
public static class EvaluationsCommands
{
    /// <summary>Builds <c>periods</c>, <c>scores</c> and <c>compute</c>, in the order the help lists them.</summary>
    public static IReadOnlyList<Command> Build(GlobalOptions globals) =>
        [PeriodsCommands.Build(globals), ScoresCommands.Build(globals), ComputeCommand.Build(globals), SimulateCommand.Build(globals)];
}
