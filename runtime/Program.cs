using FerMusic.Runtime.Cli;

return ServeCommand.Create().Parse(args).Invoke();
