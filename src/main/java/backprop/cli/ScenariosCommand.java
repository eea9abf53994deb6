package backprop.cli;

import backprop.scenarios.Scenario;
import backprop.scenarios.Scenarios;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scenarios", description = "List the built-in scenarios as JSON.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("scenarios");
        for (Scenario s : Scenarios.all()) {
            ObjectNode item = list.addObject();
            item.put("name", s.id());
            item.put("title", s.title());
            item.put("description", s.description());
        }
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }
}
