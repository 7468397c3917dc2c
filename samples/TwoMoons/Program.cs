using System;
using VatDsl.Samples.TwoMoons;

return TwoMoonsCommand.Run(args, Console.Out, Console.Error);
