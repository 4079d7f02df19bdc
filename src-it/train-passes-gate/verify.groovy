import java.util.zip.ZipFile
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/
assert log =~ /Epoch 2\/2 - loss /
assert log.contains('Training on the CPU')

// batch mode (-B, as invoker runs it): exactly one line per epoch, no progress lines, no TensorFlow native lines
def lines = log.readLines()
assert lines.count { it ==~ /\[INFO\] Epoch \d+\/2 - loss .*/ } == 2
assert lines.count { it.contains('Epoch ') && it.contains(' - step ') } == 0
assert !lines.any { it.contains('@@lenet') || it.contains('I0000') || it.contains('absl') || it.contains('tensorflow/core') }
assert new File(basedir, 'target/lenet/metrics.json').isFile()
assert new File(basedir, 'target/lenet/report.html').isFile()
assert log =~ /\[INFO\] Report: file:.*report\.html/

def installed = new File(localRepositoryPath, 'dev/lenet/it/train-passes-gate/1.0/train-passes-gate-1.0-model.jar')
assert installed.isFile() : "the model is installed with its classifier: $installed"

def zip = new ZipFile(installed)
def names = zip.entries().collect { it.name }
['lenet-model/saved_model.pb', 'lenet-model/model.onnx', 'lenet-model/model-card.json', 'lenet-model/model-card.md',
 'lenet-model/ml-bom.json', 'lenet-model/files.txt'].each { assert names.contains(it) : "$it in $names" }
assert !names.any { it.contains('variables') } : "a frozen graph: no variables in $names"
assert names == names.toSorted() : 'entries are sorted'

def card = new JsonSlurper().parse(zip.getInputStream(zip.getEntry('lenet-model/model-card.json')))
assert card.format == 'lenet-model-card/2'
assert card.stopping.maxTrainingTime == 'PT10M' && !card.stopping.cutByTimeBudget
assert card.classes == ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
assert card.parameters == 61706
assert card.testAccuracy >= 0.9
assert card.testImages == 500
assert card.hyperparameters.epochs == 2
assert card.confusionMatrix.size() == 10
assert card.dataset.trainImagesSha256 ==~ /[0-9a-f]{64}/
assert card.device == 'cpu'
assert names.contains('lenet-model/ml-bom.json') : 'the ML-BOM travels inside the model jar too'
zip.close()

// the ML-BOM is installed beside the model jar, with its own classifier
def bomFile = new File(localRepositoryPath, 'dev/lenet/it/train-passes-gate/1.0/train-passes-gate-1.0-model-cyclonedx.json')
assert bomFile.isFile() : "the ML-BOM is installed with its classifier: $bomFile"
def bom = new JsonSlurper().parse(bomFile)
assert bom.bomFormat == 'CycloneDX'
assert bom.specVersion == '1.6'
assert bom.metadata.component.type == 'machine-learning-model'
assert bom.metadata.component.purl == 'pkg:maven/dev.lenet.it/train-passes-gate@1.0?classifier=model&type=jar'
assert bom.metadata.component.modelCard.modelParameters.modelArchitecture == 'LeNet-5'
assert bom.metadata.component.modelCard.quantitativeAnalysis.performanceMetrics[0].value == String.format(Locale.ROOT, '%.4f', card.testAccuracy)
assert bom.components.any { it.type == 'data' && it.hashes[0].content == card.dataset.trainImagesSha256 }
return true
