using FerMusic.Train;
using FerMusic.Train.Cli;

NativeEnvironment.PreferPassiveOpenMpWaiting();
NativeEnvironment.ReuseFreedNativeMemory();
return TrainCommand.Run(args);
