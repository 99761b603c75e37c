using EjVerkstallda.Worker;
using EjVerkstallda.Worker.Commands;

return await EjvProgram.MainAsync(args);
