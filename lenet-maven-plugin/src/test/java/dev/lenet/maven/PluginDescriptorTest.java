package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plugin descriptor the build generates (what help:describe and lenet:help show) says what a user needs. */
class PluginDescriptorTest {
    private static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        Path file = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
        assertTrue(Files.isRegularFile(file), "the descriptor is generated before the tests: " + file.toAbsolutePath());
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element mojo(String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals(goal)) {
                return mojo;
            }
        }
        throw new AssertionError("no goal " + goal + " in the descriptor");
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    @Test
    void everyParameterAUserSetsHasADescriptionAndASince() {
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (String goal : List.of("train", "evaluate")) {
            NodeList parameters =
                    ((Element) mojo(goal).getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                Element parameter = (Element) parameters.item(i);
                if (!text(parameter, "editable").equals("true")) {
                    continue;
                }
                checked++;
                if (text(parameter, "description").isEmpty()
                        || text(parameter, "since").isEmpty()) {
                    undocumented.add(goal + ":" + text(parameter, "name"));
                }
            }
        }
        assertTrue(checked > 40, "both goals' parameters were read: " + checked);
        assertEquals(List.of(), undocumented);
    }

    /** The train goal reads each hyperparameter from its field of the same name: each has one, as the spec says. */
    @Test
    void everyHyperparameterIsAParameterOfTheTrainGoalWithTheSpecificationsDefault() {
        Element configuration =
                (Element) mojo("train").getElementsByTagName("configuration").item(0);
        List<String> wrong = new ArrayList<>();
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            NodeList nodes = configuration.getElementsByTagName(h.name());
            Element element = nodes.getLength() == 1 ? (Element) nodes.item(0) : null;
            if (element == null
                    || !element.getTextContent().trim().equals("${lenet." + h.name() + "}")
                    || !element.getAttribute("default-value").equals(h.defaultText())) {
                wrong.add(h.name());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theGoalsHaveTheirPhasesAndThereIsAHelpGoal() {
        assertEquals("package", text(mojo("train"), "phase"));
        assertEquals("verify", text(mojo("evaluate"), "phase"));
        assertFalse(text(mojo("help"), "description").isEmpty());
    }
}
