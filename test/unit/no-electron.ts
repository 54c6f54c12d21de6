throw new Error('electron must not be imported by code under unit test: services are plain Node modules.');
