System.Console.WriteLine("The Fashion-MNIST sample is being built.");
