using Burgerbegroting.Tally;

return TallyCommand.Run(args, Console.Out, Console.Error);
