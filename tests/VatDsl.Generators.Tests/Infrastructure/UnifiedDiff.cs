using System;
using System.Collections.Generic;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>Formats a line diff as a unified diff with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string expected, string actual, string expectedName, string actualName)
    {
        DiffResult diff = Differ.Instance.CreateLineDiffs(expected, actual, ignoreWhitespace: false);
        var output = new StringBuilder();
        output.Append("--- ").AppendLine(expectedName);
        output.Append("+++ ").AppendLine(actualName);

        IReadOnlyList<string> oldLines = diff.PiecesOld;
        IReadOnlyList<string> newLines = diff.PiecesNew;
        int blockIndex = 0;
        while (blockIndex < diff.DiffBlocks.Count)
        {
            // Merge blocks whose context would overlap into one hunk.
            int first = blockIndex;
            int last = blockIndex;
            while (last + 1 < diff.DiffBlocks.Count
                && diff.DiffBlocks[last + 1].DeleteStartA - (diff.DiffBlocks[last].DeleteStartA + diff.DiffBlocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            DiffBlock firstBlock = diff.DiffBlocks[first];
            DiffBlock lastBlock = diff.DiffBlocks[last];
            int oldStart = Math.Max(0, firstBlock.DeleteStartA - Context);
            int newStart = Math.Max(0, firstBlock.InsertStartB - Context);
            int oldEnd = Math.Min(oldLines.Count, lastBlock.DeleteStartA + lastBlock.DeleteCountA + Context);
            int newEnd = Math.Min(newLines.Count, lastBlock.InsertStartB + lastBlock.InsertCountB + Context);
            output.Append("@@ -").Append(oldStart + 1).Append(',').Append(oldEnd - oldStart)
                .Append(" +").Append(newStart + 1).Append(',').Append(newEnd - newStart).AppendLine(" @@");

            int oldLine = oldStart;
            for (int i = first; i <= last; i++)
            {
                DiffBlock block = diff.DiffBlocks[i];
                for (; oldLine < block.DeleteStartA; oldLine++)
                {
                    output.Append(' ').AppendLine(oldLines[oldLine]);
                }

                for (int j = 0; j < block.DeleteCountA; j++)
                {
                    output.Append('-').AppendLine(oldLines[block.DeleteStartA + j]);
                }

                for (int j = 0; j < block.InsertCountB; j++)
                {
                    output.Append('+').AppendLine(newLines[block.InsertStartB + j]);
                }

                oldLine = block.DeleteStartA + block.DeleteCountA;
            }

            for (; oldLine < oldEnd; oldLine++)
            {
                output.Append(' ').AppendLine(oldLines[oldLine]);
            }

            blockIndex = last + 1;
        }

        return output.ToString();
    }
}
