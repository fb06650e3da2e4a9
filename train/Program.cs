using FerMusic.Train;
using FerMusic.Train.Cli;

NativeEnvironment.PreferPassiveOpenMpWaiting();
return TrainCommand.Create().Parse(args).Invoke();
