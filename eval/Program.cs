using FerMusic.Eval.Cli;

return EvaluateCommand.Create().Parse(args).Invoke();
