using FerMusic.Eval.Cli;

return EvaluateCommand.Run(args);
