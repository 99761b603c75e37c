namespace EjVerkstallda.Core; public static class Placeholder {}
