using System;
using VatDsl.Samples.FashionMnist;

return SampleProgram.Run(args, Console.Out, Console.Error);
