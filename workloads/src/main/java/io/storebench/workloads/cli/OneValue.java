package io.storebench.workloads.cli;

import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A picocli parameter consumer for an option of one text value, with StoreBench's one-line
 * messages: {@code --seed needs a value} when the line ends or the next argument is another
 * option ({@code --...}), {@code --seed is given twice} when repeated. The value is kept as given;
 * the command converts it in {@code call()} (see {@link OptionValues}). Use it as
 * {@code @Option(names = "--seed", parameterConsumer = OneValue.class) String seed;}.
 */
public final class OneValue implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String name = argSpec instanceof OptionSpec option ? option.longestName() : argSpec.paramLabel();
        if (args.isEmpty() || args.peek().startsWith("--")) {
            throw new ParameterException(commandSpec.commandLine(), name + " needs a value");
        }
        if (argSpec.getValue() != null) {
            throw new ParameterException(commandSpec.commandLine(), name + " is given twice");
        }
        argSpec.setValue(args.pop());
    }
}
