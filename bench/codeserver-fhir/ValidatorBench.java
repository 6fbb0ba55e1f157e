import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.RemoteTerminologyServiceValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;

/**
 * HAPI's validator (the chain of HapiValidatorChainTests) over N Conditions with random ICD-10-SE codes, against a
 * running code server. Run by validator.sh; prints the seconds for the first Condition (chain start-up, the code system
 * fetched) and for all N, and the count of Conditions with errors. With a fourth argument {@code remote-first} the remote
 * terminology service comes before the in-memory support in the chain (every code checked by the server).
 */
public class ValidatorBench {

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var count = Integer.parseInt(args[1]);
        var codes = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        var fhir = FhirContext.forR4();
        var remote = new RemoteTerminologyServiceValidationSupport(fhir, base);
        var inMemory = new InMemoryTerminologyServerValidationSupport(fhir);
        var remoteFirst = args.length > 3 && "remote-first".equals(args[3]);
        var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                remoteFirst ? remote : inMemory, new SnapshotGeneratingValidationSupport(fhir), remoteFirst ? inMemory : remote);
        var validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        var random = new Random(42);
        int withErrors = 0;
        long started = System.nanoTime();
        double first = 0;
        for (int i = 0; i < count; i++) {
            var condition = new Condition();
            condition.setSubject(new Reference("Patient/example"));
            condition.getCode().addCoding().setSystem("http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se")
                    .setCode(codes.get(random.nextInt(codes.size())));
            var result = validator.validateWithResult(condition);
            if (result.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR)) {
                withErrors++;
            }
            if (i == 0) {
                first = (System.nanoTime() - started) / 1e9;
            }
        }
        var total = (System.nanoTime() - started) / 1e9;
        System.out.printf("validator%s: %d Conditions in %.1f s (first %.1f s, then %.1f ms each); %d with errors%n", remoteFirst ? " (remote first)" : "", count, total,
                first, (total - first) * 1000 / Math.max(1, count - 1), withErrors);
    }
}
