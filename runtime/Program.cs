using System.CommandLine;
using FerMusic.Runtime.Cli;

var root = new RootCommand("FerMusic runtime: recognise facial expressions from a camera or video and recommend music for the mood.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
