#pragma once
// File → Open Particles…: the dataset's summary (counts, optics, CTF ranges, poses,
// problems) beside a paged montage of its images with each particle's defocus.
#include <QDialog>

#include <memory>

namespace cryo {
class ParticleDataset;
}
class ParticleMontage;

class ParticlesDialog : public QDialog {
    Q_OBJECT
public:
    ParticlesDialog(std::shared_ptr<cryo::ParticleDataset> dataset, QWidget* parent = nullptr);
    ParticleMontage* montage() const { return m_montage; }

private:
    std::shared_ptr<cryo::ParticleDataset> m_dataset;
    ParticleMontage* m_montage;
};
