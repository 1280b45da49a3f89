package io.storebench.workloads.cli;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli help that shows an option's value as {@code --records N}, as StoreBench has always
 * written it, while the parser keeps picocli's separator, so both {@code --records N} and
 * {@code --records=N} are accepted (picocli's {@code separator = " "} would refuse the second).
 *
 * {@link Cli} gives every command this help.
 */
public final class SpacedHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new Help(commandSpec, colorScheme) {
            @Override
            public IParamLabelRenderer parameterLabelRenderer() {
                IParamLabelRenderer picocli = super.parameterLabelRenderer();
                return new IParamLabelRenderer() {
                    @Override
                    public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                        Ansi.Text label = picocli.renderParameterLabel(arg, ansi, styles);
                        String separator = picocli.separator();
                        return label.plainString().startsWith(separator)
                                ? ansi.new Text(" ").concat(label.substring(separator.length())) : label;
                    }

                    @Override
                    public String separator() {
                        return " ";
                    }
                };
            }
        };
    }
}
