import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log =~ /Class folders: 3 classes \(circle, cross, square\), 180 training and 60 test images/
assert log =~ /Decoded 240 images in /
assert log.contains('Training length: 34 epochs: 306 steps for 180 images (epochs auto: the fewest epochs that reach 300 optimizer steps, at most 100)')
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.8000/
assert log =~ /consumer: 0000\.png is a \w+; by name \d+\/60/

def metrics = new JsonSlurper().parse(new File(basedir, 'model/target/lenet/metrics.json'))
assert metrics.model.classes == ['circle', 'cross', 'square']
assert metrics.model.confusionMatrix.size() == 3
def report = new File(basedir, 'model/target/lenet/report.html').text
assert report.contains('<th>circle</th><th>cross</th><th>square</th>')

def jar = new File(localRepositoryPath, 'dev/lenet/it/folders/shapes-model/1.0/shapes-model-1.0-model.jar')
def zip = new ZipFile(jar)
def card = new JsonSlurper().parse(zip.getInputStream(zip.getEntry('lenet-model/model-card.json')))
assert card.classes == ['circle', 'cross', 'square']
assert card.hyperparameters.epochs == 34 && card.trainingLength.startsWith('34 epochs: 306 steps')
assert card.signature.outputs[1] == 'probabilities: float [-1,3]'
assert new String(zip.getInputStream(zip.getEntry('lenet-model/model-card.md')).bytes).contains('| square |')
return true
