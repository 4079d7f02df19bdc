package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.InvalidParameterException;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {
    private static EvaluationSet set(String name, String dataset) {
        EvaluationSet set = new EvaluationSet();
        set.setName(name);
        set.setDataset(dataset == null ? null : new File(dataset));
        return set;
    }

    @Test
    void eachSetNeedsANameOfItsOwnAndADataset() {
        assertEquals(List.of(), EvaluationSet.checked(null));
        assertEquals(1, EvaluationSet.checked(List.of(set("field", "src/eval"))).size());
        assertEquals(
                "Invalid evaluationSets 'field': each <evaluationSet> needs a <name> of its own, used in reports and"
                        + " messages (<evaluationSets>)",
                MojoErrors.execution(assertThrows(
                                InvalidParameterException.class,
                                () -> EvaluationSet.checked(List.of(set("field", "a"), set("field", "b")))))
                        .getMessage());
        assertEquals(
                "Invalid evaluationSets 'field': the <evaluationSet> needs a <dataset>",
                assertThrows(InvalidParameterException.class, () -> EvaluationSet.checked(List.of(set("field", null))))
                        .getMessage());
    }
}
