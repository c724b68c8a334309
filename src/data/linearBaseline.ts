import { fitLinearClassifier, linearAccuracy } from '../lib/logistic';
import type { Dataset } from './types';

/**
 * Test accuracy of the best linear classifier on the dataset's own split: logistic regression
 * (binary) or softmax regression (multiclass) fitted on the train split by Newton's method (see
 * lib/logistic), scored on the test split. It is what any network that is affine at inference
 * (Dense and BatchNorm only) can at best hope for. Null for regression, which has no accuracy,
 * and for imported data (lessons measure generated sets; Newton's method on 64 features and 20
 * classes would cost seconds). Invariant to the input scale: features are standardised first.
 */
export function linearBaselineAccuracy(ds: Dataset): number | null {
  if (ds.info.task === 'regression' || ds.info.name === 'csv' || ds.yTest.length === 0) return null;
  const model = fitLinearClassifier(ds.xTrain, ds.yTrain, ds.info.inputDim, ds.info.classes);
  return linearAccuracy(model, ds.xTest, ds.yTest);
}
