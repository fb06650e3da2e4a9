using FerMusic.Runtime.Cli;

return ServeCommand.Run(args);
