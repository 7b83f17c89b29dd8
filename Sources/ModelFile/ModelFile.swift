import NeuralNet
import HDF5
